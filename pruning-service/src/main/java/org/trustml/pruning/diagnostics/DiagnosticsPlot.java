package org.trustml.pruning.diagnostics;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trustml.core.plot.Chart;
import org.trustml.core.plot.ChartGrid;

/**
 * Draws a {@link DiagnosticsReport} as one PNG, a row per class: the persistence diagram (H0 and H1 against the
 * diagonal; bars that never die drawn on the top edge), β0 and β1 over the scale, the score histogram (all samples
 * and the kept ones), and the class's points on the 2-D map with the kept ones highlighted.
 */
public final class DiagnosticsPlot {

  static final int COLUMNS = 5;
  static final int CELL_WIDTH = 300;
  static final int CELL_HEIGHT = 220;
  private static final Color H0 = Chart.PALETTE[0];
  private static final Color H1 = Chart.PALETTE[1];
  private static final Color KEPT = Chart.PALETTE[1];
  private static final Color ALL = new Color(0xb0b0b0);

  private DiagnosticsPlot() {}

  public static byte[] png(DiagnosticsReport report, String title) {
    List<Chart> charts = new ArrayList<>();
    for (int c = 0; c < report.classes().size(); c++) {
      DiagnosticsReport.ClassReport cls = report.classes().get(c);
      charts.add(diagram(cls, report.space()));
      charts.add(new Chart("β0 (class " + cls.label() + ")", "ε", "β0")
          .steps(null, cls.betti().radii(), doubles(cls.betti().beta0()), H0));
      charts.add(new Chart("β1 (class " + cls.label() + ")", "ε", "β1")
          .steps(null, cls.betti().radii(), doubles(cls.betti().beta1()), H1));
      charts.add(histogram(cls));
      charts.add(map(report.map(), c, cls.label()));
    }
    return ChartGrid.png(title, charts, COLUMNS, CELL_WIDTH, CELL_HEIGHT);
  }

  private static Chart diagram(DiagnosticsReport.ClassReport cls, String space) {
    double top = 0;
    for (DiagnosticsReport.Bars bars : List.of(cls.h0(), cls.h1())) {
      for (double[] bar : bars.finite()) {
        top = Math.max(top, bar[1]);
      }
    }
    top = top > 0 ? top * 1.05 : 1;
    Chart chart = new Chart(String.format(Locale.ROOT, "class %s: %d of %d points, r = %.3g", cls.label(),
        cls.landmarks(), cls.samples(), cls.coveringRadius()), "birth (" + space + ")", "death")
        .xRange(0, top).yRange(0, top).segments(null, new double[] {0, top}, new double[] {0, top}, Color.GRAY);
    addBars(chart, "H0", cls.h0(), top, H0);
    addBars(chart, "H1", cls.h1(), top, H1);
    return chart;
  }

  private static void addBars(Chart chart, String label, DiagnosticsReport.Bars bars, double top, Color color) {
    int n = bars.finite().length + bars.essential().length;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int k = 0; k < bars.finite().length; k++) {
      x[k] = bars.finite()[k][0];
      y[k] = bars.finite()[k][1];
    }
    for (int k = 0; k < bars.essential().length; k++) {
      x[bars.finite().length + k] = bars.essential()[k];
      y[bars.finite().length + k] = top;
    }
    chart.points(label, x, y, color, 2);
  }

  private static Chart histogram(DiagnosticsReport.ClassReport cls) {
    ScoreHistogram h = cls.histogram();
    Chart chart = new Chart("scores (class " + cls.label() + ")", "score", "samples")
        .bars("all", h.edges(), doubles(h.total()), ALL);
    if (h.kept() != null) {
      chart.bars("kept", h.edges(), doubles(h.kept()), KEPT);
    }
    return chart;
  }

  private static Chart map(SampleMap map, int code, String label) {
    List<Double> ax = new ArrayList<>();
    List<Double> ay = new ArrayList<>();
    List<Double> kx = new ArrayList<>();
    List<Double> ky = new ArrayList<>();
    for (int r = 0; r < map.ids().length; r++) {
      if (map.classes()[r] != code) {
        continue;
      }
      boolean kept = map.kept() != null && map.kept()[r];
      (kept ? kx : ax).add(map.x()[r]);
      (kept ? ky : ay).add(map.y()[r]);
    }
    Chart chart = new Chart("map: manifold, " + map.frame() + " PCA, class " + label, "PC 1", "PC 2")
        .points(map.kept() == null ? "samples" : "pruned", unbox(ax), unbox(ay), map.kept() == null ? H0 : ALL, 1);
    if (map.kept() != null) {
      chart.points("kept", unbox(kx), unbox(ky), KEPT, 2);
    }
    return chart;
  }

  private static double[] doubles(int[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return d;
  }

  private static double[] unbox(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
