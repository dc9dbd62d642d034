package org.leain.contracts.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leain.contracts.ContractExamples;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.release.ModuleFolder;
import org.leain.contracts.release.RecordJson;

/**
 * A Python consumer with Debian's python3-avro 1.11 (no single-object decoder) reads a posterior
 * written by Java, using only the committed script and fingerprints.json.
 */
class PythonInteropTest {

    private static final String PYTHON = "/usr/bin/python3";

    @BeforeAll
    static void requirePythonAvro() throws Exception {
        String problem = null;
        if (!Files.isExecutable(Path.of(PYTHON))) {
            problem = PYTHON + " is missing";
        } else {
            Result check = run(List.of(PYTHON, "-c", "import avro.io, avro.schema"));
            if (check.exitCode != 0) {
                problem = "python3-avro is not importable: " + check.stderr.strip();
            }
        }
        if (problem != null) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true requires the Debian package python3-avro: " + problem);
            }
            Assumptions.abort("Install the Debian package python3-avro to run this test: " + problem);
        }
    }

    @Test
    void pythonAvro_decodesAJavaPosterior_throughFingerprintsJson(@TempDir Path dir) throws Exception {
        DcbhPosterior posterior = ContractExamples.dcbhPosterior();
        byte[] payload = AvroCodec.of(DcbhPosterior.class).encode(posterior);
        Path file = dir.resolve("posterior.bin");
        Files.write(file, payload);

        Path script = ModuleFolder.schemas().resolve("src/test/python/decode_single_object.py");
        Result result = run(List.of(PYTHON, script.toString(), file.toString(), ModuleFolder.fingerprintsJson().toString()));
        assertEquals(0, result.exitCode, "python failed: " + result.stderr);
        JsonNode out = RecordJson.MAPPER.readTree(result.stdout);

        assertEquals("org.leain.contracts.DcbhPosterior", out.get("record").asText());
        assertEquals(ReleasedSchemas.get().versionsOf("DcbhPosterior").size(), out.get("version").asInt());
        assertEquals(ByteBuffer.wrap(payload, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong(), out.get("fingerprint_long").asLong());
        assertTrue(out.get("fingerprint_recomputed_matches").asBoolean(),
                "Python's CRC-64-AVRO of the schema file's canonical form must equal the header's fingerprint");
        assertEquals(0, out.get("bytes_left_over").asInt());
        assertEquals(posterior.getAssociationId(), out.get("association_id").asText());
        assertEquals(posterior.getSupereventId(), out.get("superevent_id").asText());
        assertEquals(posterior.getSpectrumId(), out.get("spectrum_id").asText());
        assertEquals(posterior.getModel().getName(), out.get("model_name").asText());
        assertEquals(posterior.getModel().getArtifactSha256(), out.get("model_sha256").asText());
        assertEquals(posterior.getParameters().get(0).getTransform().name(), out.get("first_transform").asText());
        assertEquals(posterior.getSummaries().get(0).getMedian(), out.get("summary0_median").asDouble());
        assertEquals(posterior.getSummaries().get(2).getP95(), out.get("summary2_p95").asDouble());
        assertEquals(List.of(0.7, 0.3), doubles(out.get("mixture_weights")));
        assertEquals(posterior.getMixture().get(1).getCholeskyLower(), doubles(out.get("mixture1_cholesky")));
        assertEquals(posterior.getNSamples(), out.get("n_samples").asInt());
        int nParams = posterior.getNParams();
        List<Double> secondSample = new ArrayList<>();
        for (int k = 0; k < nParams; k++) {
            secondSample.add((double) posterior.getSamples().get(nParams + k));
        }
        assertEquals(secondSample, doubles(out.get("sample1")));
        assertEquals("[\"SED\",\"STRAIN\"]", out.get("modalities").toString());
        assertEquals(posterior.getTrueValues(), doubles(out.get("true_values")));
        assertEquals(posterior.getTimings().getEmittedMs(), out.get("emitted_ms").asLong());
    }

    private static List<Double> doubles(JsonNode array) {
        List<Double> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asDouble()));
        return values;
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        byte[] stdout = process.getInputStream().readAllBytes();
        byte[] stderr = process.getErrorStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("Expected " + command + " to finish within 30 s");
        }
        return new Result(process.exitValue(), new String(stdout, StandardCharsets.UTF_8), new String(stderr, StandardCharsets.UTF_8));
    }
}
