package org.gansweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep that sets a trick its experiment does not support, or combines parameters the experiment does not
 * define, is bad input: `plan` exits 2 with one line naming the file, the field and what is allowed.
 */
class UnsupportedTrickTest {
    @TempDir
    Path dir;

    private String plan(String body) throws IOException {
        Path spec = Files.writeString(dir.resolve("dirac.json"),
                "{\"name\":\"d\",\"experiment\":\"dirac\"," + body + ",\"seeds\":[0]}");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"plan", spec.toString(), "--results", dir.resolve("r").toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void weightNoiseOnDiracIsRejectedWithTheParametersItHas() throws IOException {
        assertEquals("gansweep: " + dir.resolve("dirac.json") + ": grid.weight_noise: unknown parameter for "
                + "experiment dirac; allowed: consensus_reg, d_steps, diverge_bound, gp_reg, gp_target, "
                + "instance_noise, log_every, loss, lr_d, lr_g, noise_draws, noise_expectation, psi0, "
                + "quadrature_nodes, r1_gamma, reg, steps, success_radius, theta0, update, wgan_clip\n",
                plan("\"grid\":{\"weight_noise\":[0.0,1.5]}"));
    }

    @Test
    void aRegularizerOnALossThatDoesNotDefineItIsRejected() throws IOException {
        assertEquals("gansweep: " + dir.resolve("dirac.json") + ": reg \"consensus\" with loss \"wgan\": reg "
                + "consensus is defined for loss gan only\n",
                plan("\"set\":{\"reg\":\"consensus\"},\"grid\":{\"loss\":[\"gan\",\"wgan\"]}"));
        assertEquals("gansweep: " + dir.resolve("dirac.json") + ": d_steps 5 with update \"simultaneous\": "
                + "several psi steps per theta step need update alternating\n",
                plan("\"set\":{\"d_steps\":5}"));
    }

    @Test
    void anExcludedBadCombinationIsNotAnError() throws IOException {
        Path spec = Files.writeString(dir.resolve("ok.json"), "{\"name\":\"d\",\"experiment\":\"dirac\","
                + "\"grid\":{\"loss\":[\"gan\",\"wgan\"],\"reg\":[\"none\",\"r1\"]},\"seeds\":[0],"
                + "\"exclude\":[{\"loss\":\"wgan\",\"reg\":\"r1\"}]}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"plan", spec.toString(), "--results", dir.resolve("r").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(0, code);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("3 runs = 3 groups x 1 seeds"), text);
    }
}
