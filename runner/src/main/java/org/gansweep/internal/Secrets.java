package org.gansweep.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Keeps credentials off the terminal: every line gansweep prints passes {@link #scrub}, which masks the
 * secrets it was told of (the MLflow password and token) and anything shaped like one (a URL's user-info, an
 * Authorization header's value, "password"/"token"/"secret" key-values), wherever the text came from: our
 * messages, an MLflow server's error body, an exception. Thread-safe.
 */
public final class Secrets {
    private static final String MASK = "***";
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();
    /** KNOWN, longest first (a secret that contains another is masked whole), rebuilt only on register. */
    private static volatile List<String> longestFirst = List.of();
    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\s@]+@");
    private static final Pattern SCHEME_VALUE = Pattern.compile("\\b(Bearer|bearer|Basic)(\\s+)[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)(\"?\\b(?:password|passwd|token|secret|api[_-]?key)\"?\\s*[:=]\\s*\"?)[^\"\\s,;}&]+");

    private Secrets() {
    }

    /** A value never to print (blank or very short values are ignored: masking them would mangle text). */
    public static void register(String secret) {
        if (secret != null && secret.strip().length() >= 4 && KNOWN.add(secret)) {
            longestFirst = KNOWN.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        }
    }

    /** text with every secret masked. */
    public static String scrub(String text) {
        String out = text;
        for (String secret : longestFirst) {
            out = out.replace(secret, MASK);
        }
        out = USER_INFO.matcher(out).replaceAll("$1" + MASK + "@");
        out = SCHEME_VALUE.matcher(out).replaceAll("$1$2" + MASK);
        return KEY_VALUE.matcher(out).replaceAll("$1" + MASK);
    }

    /**
     * A stream that prints to target line by line, each line scrubbed: text goes out at each end of line
     * (\n or \r, so progress lines still move) and at each flush.
     */
    public static PrintStream scrubbing(PrintStream target) {
        return new PrintStream(new LineScrubber(target), false, StandardCharsets.UTF_8);
    }

    private static final class LineScrubber extends OutputStream {
        private final PrintStream target;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineScrubber(PrintStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n' || b == '\r') {
                emit();
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            for (int k = offset; k < offset + length; k++) {
                write(bytes[k]);
            }
        }

        @Override
        public synchronized void flush() {
            emit();
            target.flush();
        }

        private void emit() {
            if (line.size() > 0) {
                target.print(scrub(line.toString(StandardCharsets.UTF_8)));
                line.reset();
            }
        }
    }
}
