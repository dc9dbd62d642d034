package org.leain.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Writes the hostile corpus: {@code <case>.bin} for every committed case and
 * {@code manifest.json}. Deterministic (fixed seed), so a test can regenerate it and compare.
 *
 * <pre>
 * mvn -B -q -pl load-test -am test-compile
 * java -cp "$(cat load-test/target/test-classpath.txt)" org.leain.hostile.HostileCorpusGenerator [FOLDER]
 * </pre>
 * (or run {@code HostileCorpusTest} with {@code -Dleain.hostile.regenerate=true}). FOLDER defaults
 * to {@code load-test/src/test/resources/hostile} under the repository root.
 */
public final class HostileCorpusGenerator {

  /** The seed every random choice (cut points, flipped bits, trailing bytes) derives from. */
  public static final long SEED = 20261123L;

  private HostileCorpusGenerator() {}

  public static void main(String[] args) throws IOException {
    Path root = HostileCorpus.repositoryRoot();
    Path folder = args.length > 0 ? Path.of(args[0]) : root.resolve("load-test/src/test/resources/hostile");
    int n = write(folder, root);
    System.out.println("Wrote " + n + " cases to " + folder);
  }

  /** Builds every case in a fixed order. */
  static List<CaseList.Entry> build(Path root) {
    CaseList cases = new CaseList();
    AvroCases.addTo(cases, new SplittableRandom(SEED));
    AlertCases.addTo(cases, new SplittableRandom(SEED + 1), root);
    ContentCases.addTo(cases);
    SpectrumFileCases.addTo(cases);
    Set<String> names = new HashSet<>();
    for (CaseList.Entry e : cases.entries()) {
      if (!names.add(e.hostileCase().name())) {
        throw new IllegalStateException("Expected unique case names. Actual: " + e.hostileCase().name() + " twice");
      }
    }
    return cases.entries();
  }

  /** Writes the corpus into {@code folder} (removing stale case files) and returns the number of cases. */
  static int write(Path folder, Path root) throws IOException {
    List<CaseList.Entry> entries = build(root);
    Files.createDirectories(folder);
    try (Stream<Path> old = Files.list(folder)) {
      for (Path p : old.filter(p -> p.toString().endsWith(".bin")).toList()) {
        Files.delete(p);
      }
    }
    for (CaseList.Entry e : entries) {
      if (e.bytes() != null) {
        Files.write(folder.resolve(e.hostileCase().name() + ".bin"), e.bytes());
      }
    }
    HostileCorpus.Manifest manifest = new HostileCorpus.Manifest(HostileCorpusGenerator.class.getName(), SEED,
        "expected: the owner's reason code or NO_OP (ACCEPTED for a baseline of a sequence); cause: the skymap "
            + "reason inside an alert's BAD_SKYMAP; dlq_reason: the DeadLetter reason_code; generated: a recipe "
            + "expanded on the fly instead of a committed <name>.bin; a case with neither file nor recipe is absent",
        entries.stream().map(CaseList.Entry::hostileCase).toList());
    HostileCorpus.MAPPER.writeValue(folder.resolve(HostileCorpus.MANIFEST).toFile(), manifest);
    return entries.size();
  }
}
