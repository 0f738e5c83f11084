package io.isthmus.model.iforest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class IsolationForestTest {

  private static double[][] gaussian(int n, int width, long seed) {
    Random r = new Random(seed);
    double[][] rows = new double[n][width];
    for (double[] row : rows) {
      for (int c = 0; c < width; c++) {
        row[c] = r.nextGaussian();
      }
    }
    return rows;
  }

  @Test
  void averagePathLengthFollowsTheHarmonicFormula() {
    assertEquals(0, IsolationForest.averagePathLength(1));
    assertEquals(1, IsolationForest.averagePathLength(2));
    // c(n) = 2 H(n-1) - 2 (n-1)/n with the exact harmonic number, for n = 256
    double harmonic = 0;
    for (int i = 1; i <= 255; i++) {
      harmonic += 1.0 / i;
    }
    assertEquals(2 * harmonic - 2 * 255.0 / 256, IsolationForest.averagePathLength(256), 0.01);
  }

  @Test
  void aFarPointScoresAboveEveryOrdinaryOne() {
    double[][] train = gaussian(2000, 10, 1);
    IsolationForest forest = IsolationForest.train(train, 100, 256, 7);
    double[] far = new double[10];
    for (int c = 0; c < 4; c++) {
      far[c] = 4.5; // far in several dimensions: one far dimension of ten moves the score little
    }
    double farScore = forest.score(far);
    double maxNormal = 0;
    for (double[] row : gaussian(500, 10, 2)) {
      double s = forest.score(row);
      assertTrue(s > 0 && s <= 1, "score in (0,1]: " + s);
      maxNormal = Math.max(maxNormal, s);
    }
    assertTrue(farScore > 0.55, "far point " + farScore);
    assertTrue(farScore > maxNormal, farScore + " vs " + maxNormal);
    double centre = forest.score(new double[10]);
    assertTrue(centre < 0.5, "centre " + centre);
  }

  @Test
  void sameRowsAndSeedGrowTheSameForest() {
    double[][] train = gaussian(300, 4, 3);
    IsolationForest a = IsolationForest.train(train, 50, 128, 11);
    IsolationForest b = IsolationForest.train(train, 50, 128, 11);
    IsolationForest c = IsolationForest.train(train, 50, 128, 12);
    double[] probe = {1.5, -0.5, 2.0, 0.1};
    assertEquals(a.score(probe), b.score(probe));
    assertTrue(a.score(probe) != c.score(probe));
  }

  @Test
  void constantColumnsAreNeverSplitAndAllConstantRowsScoreAlike() {
    double[][] train = new double[100][3];
    for (int i = 0; i < train.length; i++) {
      train[i][1] = i; // only column 1 varies
    }
    IsolationForest forest = IsolationForest.train(train, 20, 64, 5);
    // column 0 was constant: a different value there cannot change any path
    assertEquals(forest.score(new double[] {0, 50, 0}), forest.score(new double[] {1e6, 50, 0}));
    IsolationForest flat = IsolationForest.train(new double[10][2], 5, 8, 1);
    assertEquals(flat.score(new double[2]), flat.score(new double[] {3, 3}));
  }
}
