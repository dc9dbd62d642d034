package org.leain.contracts.release;

import java.nio.file.Files;
import java.nio.file.Path;

/** Folders of the schemas module in the source tree. */
public final class ModuleFolder {

    private ModuleFolder() {
    }

    /**
     * The schemas module folder: {@code <leain.root>/schemas} when the system property is set (surefire
     * sets it), else found by walking up from the working directory to the folder containing {@code data/}.
     */
    public static Path schemas() {
        String root = System.getProperty("leain.root");
        if (root != null && Files.isDirectory(Path.of(root, "schemas"))) {
            return Path.of(root, "schemas");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("data")) && Files.isDirectory(dir.resolve("schemas"))) {
                return dir.resolve("schemas");
            }
        }
        throw new IllegalStateException("Expected a repository root (a folder with data/ and schemas/) above "
                + Path.of("").toAbsolutePath() + ". Actual: none");
    }

    /** Where released schema versions live in the source tree. */
    public static Path releasedSchemas() {
        return schemas().resolve("src/main/resources/org/leain/contracts/released");
    }

    /** Where golden payloads live in the source tree. */
    public static Path goldens() {
        return schemas().resolve("src/test/resources/golden");
    }

    /** The fingerprint index at the module root. */
    public static Path fingerprintsJson() {
        return schemas().resolve("fingerprints.json");
    }
}
