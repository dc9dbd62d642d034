package org.leain.contracts.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DecodingLimitsTest {

    /** Avro reads its limits once; a codec created afterwards must still get them enforced. */
    @Test
    void codec_createdAfterAvroReadItsDefaultLimits_stillRefusesAHostilePrefix() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                AvroLimitsReadFirst.class.getName())).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "child JVM did not finish");

        assertEquals(0, process.exitValue(), output);
        assertEquals("LIMIT_EXCEEDED", output.lines().filter(l -> !l.startsWith("SLF4J")).reduce((a, b) -> b).orElse(""), output);
    }
}
