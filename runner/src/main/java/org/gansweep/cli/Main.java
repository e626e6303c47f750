package org.gansweep.cli;

/** Entry point; maps every GansweepException to its exit code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("gansweep");
    }
}
