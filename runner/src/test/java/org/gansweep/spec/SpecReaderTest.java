package org.gansweep.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SpecReaderTest {
    private static SweepSpec parse(String json) {
        return SpecReader.parse("sweeps/x.json", json);
    }

    private static String error(String json) {
        return assertThrows(SpecException.class, () -> parse(json)).getMessage();
    }

    @Test
    void axesExpandToTheirValues() {
        SweepSpec spec = parse("{\"name\":\"a\",\"experiment\":\"point\",\"seeds\":{\"count\":3,\"start\":5},"
                + "\"grid\":{\"lr\":{\"range\":[0.1,0.5,0.1]},\"wd\":{\"logspace\":[0.001,0.1,3]},\"e\":[0,0.1]}}");
        assertEquals(List.of(0.1, 0.2, 0.3, 0.4, 0.5), spec.grid().get("lr"));
        assertEquals(List.of(0.001, 0.01, 0.1), spec.grid().get("wd"));
        assertEquals(List.of(0L, 0.1), spec.grid().get("e"));
        assertEquals(List.of(5L, 6L, 7L), spec.seeds());
    }

    @Test
    void compareToKeepsItsParametersInTheOrderGiven() {
        SweepSpec spec = parse("{\"name\":\"a\",\"experiment\":\"p\",\"seeds\":[1],"
                + "\"compare_to\":{\"wd\":0,\"lr\":0.1,\"opt\":\"adam\"}}");
        assertEquals(List.of("wd", "lr", "opt"), List.copyOf(spec.compareTo().keySet()));
        assertEquals(List.of(0L, 0.1, "adam"), List.copyOf(spec.compareTo().values()));
    }

    @Test
    void zipGroupsNeedListsOfOneLength() {
        assertEquals("sweeps/x.json: zip[0].b: has 3 values; every list in a zip group needs the same length (2)",
                error("{\"name\":\"a\",\"experiment\":\"p\",\"seeds\":[1],\"zip\":[{\"a\":[1,2],\"b\":[1,2,3]}]}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"name\":\"a\",\"experiment\":\"p\",\"seeds\":[1],\"frob\":1}|sweeps/x.json: frob: unknown key; allowed: name, experiment, base, description, set, grid, zip, seeds, exclude, compare_to",
        "{\"name\":\"a\",\"experiment\":\"p\",\"seeds\":[1],\"compare_to\":\"defaults\"}|sweeps/x.json: compare_to: expected an object of parameter: value, got \"defaults\"",
        "{\"name\":\"a\",\"experiment\":\"p\",\"seeds\":[1],\"compare_to\":{}}|sweeps/x.json: compare_to: expected a non-empty object of parameter: value naming the reference group, got {}",
        "{\"name\":\"a\",\"experiment\":\"p\",\"seeds\":[1],\"compare_to\":{\"lr\":[1]}}|sweeps/x.json: compare_to.lr: expected a number, string or boolean, got [1]",
        "{\"name\":\"../x\",\"experiment\":\"p\",\"seeds\":[1]}|sweeps/x.json: name: expected letters, digits, '.', '_' or '-' (a folder name, at most 100 characters, no '..'), got \"../x\"",
        "{\"name\":\"a\",\"experiment\":\"p\",\"seeds\":{\"count\":-3}}|sweeps/x.json: seeds.count: expected an integer from 1 to 1000000, got -3",
        "{\"name\":\"a\",\"experiment\":\"p\",\"seeds\":[]}|sweeps/x.json: seeds: expected at least one seed, got []",
        "{\"name\":\"a\",\"experiment\":\"p\",\"seeds\":[1],\"grid\":{\"lr\":[]}}|sweeps/x.json: grid.lr: expected a non-empty list of values, got []",
        "{\"name\":\"a\",\"experiment\":\"p\",\"seeds\":[1],\"grid\":{\"lr\":{\"range\":[0,1,0]}}}|sweeps/x.json: grid.lr.range[2]: step should be positive, got 0.0",
        "{\"name\":\"a\",\"experiment\":\"p\",\"seeds\":[1],\"grid\":{\"lr\":[1,[2]]}}|sweeps/x.json: grid.lr[1]: expected a number, string or boolean, got [2]",
        "{\"name\":\"a\",\"experiment\":\"p\"}|sweeps/x.json: seeds: missing; a sweep needs experiment, name, seeds",
        "{\"name\":\"a\",\"name\":\"b\",\"experiment\":\"p\",\"seeds\":[1]}|sweeps/x.json: line 1, column 19: malformed JSON: Duplicate field 'name'",
        "{\"name\":\"a\",|sweeps/x.json: line 1, column 13: malformed JSON: Unexpected end-of-input within/between Object entries",
    })
    void badSpecsFailWithOneLineNamingFileAndPath(String json, String message) {
        assertEquals(message, error(json));
    }
}
