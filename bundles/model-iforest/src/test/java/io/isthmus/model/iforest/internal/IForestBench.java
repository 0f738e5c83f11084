package io.isthmus.model.iforest.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The Java side of bench/compare.sh (not a test: run with a plain {@code java} command). For each
 * seed it grows the forest on train.csv, scores test.csv on one thread (timed after a warm-up
 * pass), and writes the scores for the Python side to compute the AUC with scikit-learn's
 * function.
 *
 * <p>usage: IForestBench DATA_DIR TREES SUBSAMPLE SEEDS SCORES_PREFIX
 */
public final class IForestBench {
  private IForestBench() {}

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args[0]);
    int trees = Integer.parseInt(args[1]);
    int subsample = Integer.parseInt(args[2]);
    int seeds = Integer.parseInt(args[3]);
    String prefix = args[4];
    double[][] train = read(data.resolve("train.csv"), 0);
    double[][] test = read(data.resolve("test.csv"), 1); // drop the label
    double[] scores = new double[test.length];
    double[] rates = new double[seeds];
    for (int seed = 0; seed < seeds; seed++) {
      long t0 = System.nanoTime();
      IsolationForest forest = IsolationForest.train(train, trees, subsample, seed);
      long t1 = System.nanoTime();
      if (seed == 0) {
        score(forest, test, scores); // JIT warm-up, as sklearn's first call pays nothing of the kind
      }
      long t2 = System.nanoTime();
      score(forest, test, scores);
      long t3 = System.nanoTime();
      rates[seed] = test.length / ((t3 - t2) / 1e9);
      try (BufferedWriter out = Files.newBufferedWriter(Path.of(prefix + seed + ".txt"))) {
        for (double s : scores) {
          out.write(Double.toString(s));
          out.newLine();
        }
      }
      System.out.printf(Locale.ROOT, "seed %d: java training %.1f ms, scoring %,.0f rows/s%n", seed, (t1 - t0) / 1e6, rates[seed]);
    }
    Arrays.sort(rates);
    System.out.printf(Locale.ROOT, "java scoring, median of %d: %,.0f rows/s (1 thread, %,d rows x %d features)%n",
        seeds, rates[seeds / 2], test.length, test[0].length);
  }

  private static void score(IsolationForest forest, double[][] rows, double[] out) {
    for (int i = 0; i < rows.length; i++) {
      out[i] = forest.score(rows[i]);
    }
  }

  private static double[][] read(Path csv, int dropLast) throws IOException {
    List<double[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(csv)) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",");
      double[] row = new double[cells.length - dropLast];
      for (int i = 0; i < row.length; i++) {
        row[i] = Double.parseDouble(cells[i]);
      }
      rows.add(row);
    }
    return rows.toArray(new double[0][]);
  }
}
