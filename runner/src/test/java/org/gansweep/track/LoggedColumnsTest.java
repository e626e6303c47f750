package org.gansweep.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoggedColumnsTest {
    @Test
    void aTrajectoryOfUpToSixQuantitiesIsLoggedWhole() {
        assertEquals(List.of("mean", "std", "loss_d", "loss_g", "d_real", "d_fake"), RunContent.loggedColumns(
                List.of("step", "mean", "std", "loss_d", "loss_g", "d_real", "d_fake"), List.of("mean", "std")));
        assertEquals(List.of("theta", "psi", "r"), RunContent.loggedColumns(List.of("step", "theta", "psi", "r"),
                List.of("r")));
    }

    @Test
    void aLongerOneKeepsItsHeadlineColumnsAndLossesInTrajectoryOrder() {
        List<String> point = List.of("step", "w", "b", "d_a0", "d_a1", "d_c0", "d_c1", "d_v0", "d_v1", "d_e",
                "d_real", "d_fake_mean", "loss_d", "loss_g");
        assertEquals(List.of("w", "b", "loss_d", "loss_g"), RunContent.loggedColumns(point, List.of("b", "w")));
    }
}
