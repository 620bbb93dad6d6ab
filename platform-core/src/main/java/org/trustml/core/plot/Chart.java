package org.trustml.core.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One chart on linear axes: titled, with labelled ticks, drawn into a rectangle of a larger image by
 * {@link ChartGrid}. Layers are drawn in the order they were added. The axes span the data of every layer (with 5 %
 * padding) unless a range is fixed.
 */
public final class Chart {

  static final int LEFT = 58;
  static final int RIGHT = 12;
  static final int TOP = 24;
  static final int BOTTOM = 36;

  /** Colours that stay apart in print and for the common colour-vision deficiencies (Okabe–Ito). */
  public static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
      new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000)};

  private enum Kind { POINTS, LINE, STEPS, BARS, SEGMENTS }

  private record Layer(Kind kind, double[] x, double[] y, Color color, int size, String label) {}

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final List<Layer> layers = new ArrayList<>();
  private double[] xRange;
  private double[] yRange;

  public Chart(String title, String xLabel, String yLabel) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  /** Fixes the x axis to [lo, hi]. */
  public Chart xRange(double lo, double hi) {
    xRange = new double[] {lo, hi};
    return this;
  }

  /** Fixes the y axis to [lo, hi]. */
  public Chart yRange(double lo, double hi) {
    yRange = new double[] {lo, hi};
    return this;
  }

  /** Filled dots of the given radius in pixels. */
  public Chart points(String label, double[] x, double[] y, Color color, int radius) {
    return add(Kind.POINTS, x, y, color, radius, label);
  }

  /** A polyline through the points in order. */
  public Chart line(String label, double[] x, double[] y, Color color) {
    return add(Kind.LINE, x, y, color, 2, label);
  }

  /** A right-continuous step function: value y[i] on [x[i], x[i+1]). */
  public Chart steps(String label, double[] x, double[] y, Color color) {
    return add(Kind.STEPS, x, y, color, 2, label);
  }

  /** Bars: bar i spans [edges[i], edges[i+1]) with height heights[i] (edges has one value more). */
  public Chart bars(String label, double[] edges, double[] heights, Color color) {
    if (edges.length != heights.length + 1) {
      throw new IllegalArgumentException(edges.length + " edges for " + heights.length + " bars");
    }
    return add(Kind.BARS, edges, heights, color, 0, label);
  }

  /** Line segments from (x[2k], y[2k]) to (x[2k+1], y[2k+1]), e.g. a diagonal or reference lines. */
  public Chart segments(String label, double[] x, double[] y, Color color) {
    if (x.length % 2 != 0) {
      throw new IllegalArgumentException("segments need pairs of points, got " + x.length);
    }
    return add(Kind.SEGMENTS, x, y, color, 1, label);
  }

  private Chart add(Kind kind, double[] x, double[] y, Color color, int size, String label) {
    if (kind != Kind.BARS && x.length != y.length) {
      throw new IllegalArgumentException(x.length + " x values and " + y.length + " y values");
    }
    layers.add(new Layer(kind, x.clone(), y.clone(), color, size, label));
    return this;
  }

  /** The x axis of a chart drawn in a cell at (left, top) of the given size. */
  Axis xAxis(int left, int width) {
    double[] r = xRange != null ? xRange : span(true);
    return new Axis(r[0], r[1], left + LEFT, left + width - RIGHT);
  }

  /** The y axis of a chart drawn in a cell at (left, top) of the given size. */
  Axis yAxis(int top, int height) {
    double[] r = yRange != null ? yRange : span(false);
    return new Axis(r[0], r[1], top + height - BOTTOM, top + TOP);
  }

  private double[] span(boolean x) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Layer l : layers) {
      for (double v : x ? l.x() : l.y()) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
      if (!x && l.kind() == Kind.BARS) {
        lo = Math.min(lo, 0);
      }
    }
    if (lo > hi) {
      return new double[] {0, 1};
    }
    double pad = (hi - lo) * 0.05;
    return new double[] {lo - pad, hi + pad};
  }

  /** Draws the chart into the cell (left, top, width, height) of {@code g}. */
  void draw(Graphics2D g, int left, int top, int width, int height) {
    Axis ax = xAxis(left, width);
    Axis ay = yAxis(top, height);
    int x0 = ax.from();
    int x1 = ax.to();
    int y0 = ay.to();
    int y1 = ay.from();
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    for (double t : ax.ticks(5)) {
      g.setColor(new Color(0xeeeeee));
      g.drawLine(ax.pixel(t), y0, ax.pixel(t), y1);
      g.setColor(Color.DARK_GRAY);
      String s = tick(t);
      g.drawString(s, ax.pixel(t) - g.getFontMetrics().stringWidth(s) / 2, y1 + 13);
    }
    for (double t : ay.ticks(4)) {
      g.setColor(new Color(0xeeeeee));
      g.drawLine(x0, ay.pixel(t), x1, ay.pixel(t));
      g.setColor(Color.DARK_GRAY);
      String s = tick(t);
      g.drawString(s, x0 - 4 - g.getFontMetrics().stringWidth(s), ay.pixel(t) + 4);
    }
    g.setColor(Color.BLACK);
    g.drawString(xLabel, (x0 + x1) / 2 - g.getFontMetrics().stringWidth(xLabel) / 2, y1 + 28);
    java.awt.geom.AffineTransform saved = g.getTransform();
    g.rotate(-Math.PI / 2);
    g.drawString(yLabel, -((y0 + y1) / 2 + g.getFontMetrics().stringWidth(yLabel) / 2), left + 12);
    g.setTransform(saved);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
    g.drawString(title, x0, top + 15);

    Shape clip = g.getClip();
    g.clipRect(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    for (Layer l : layers) {
      g.setColor(l.color());
      g.setStroke(new BasicStroke(l.kind() == Kind.SEGMENTS ? 1f : 1.6f));
      double[] x = l.x();
      double[] y = l.y();
      switch (l.kind()) {
        case POINTS -> {
          int r = l.size();
          for (int i = 0; i < x.length; i++) {
            g.fillOval(ax.pixel(x[i]) - r, ay.pixel(y[i]) - r, 2 * r + 1, 2 * r + 1);
          }
        }
        case LINE -> {
          for (int i = 1; i < x.length; i++) {
            g.drawLine(ax.pixel(x[i - 1]), ay.pixel(y[i - 1]), ax.pixel(x[i]), ay.pixel(y[i]));
          }
        }
        case STEPS -> {
          for (int i = 0; i < x.length; i++) {
            int end = i + 1 < x.length ? ax.pixel(x[i + 1]) : ax.pixel(x[i]);
            g.drawLine(ax.pixel(x[i]), ay.pixel(y[i]), end, ay.pixel(y[i]));
            if (i + 1 < x.length) {
              g.drawLine(end, ay.pixel(y[i]), end, ay.pixel(y[i + 1]));
            }
          }
        }
        case BARS -> {
          for (int i = 0; i < y.length; i++) {
            int a = ax.pixel(x[i]);
            int b = ax.pixel(x[i + 1]);
            int top0 = ay.pixel(Math.max(0, y[i]));
            int base = ay.pixel(Math.min(0, y[i]));
            g.fillRect(Math.min(a, b), top0, Math.max(1, Math.abs(b - a) - 1), Math.max(0, base - top0));
          }
        }
        case SEGMENTS -> {
          for (int i = 0; i < x.length; i += 2) {
            g.drawLine(ax.pixel(x[i]), ay.pixel(y[i]), ax.pixel(x[i + 1]), ay.pixel(y[i + 1]));
          }
        }
      }
    }
    g.setClip(clip);
    g.setStroke(new BasicStroke(1f));
    g.setColor(Color.BLACK);
    g.drawRect(x0, y0, x1 - x0, y1 - y0);
    legend(g, x1, y0);
  }

  private void legend(Graphics2D g, int right, int top) {
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    int y = top + 12;
    for (Layer l : layers) {
      if (l.label() == null || l.label().isEmpty()) {
        continue;
      }
      int w = g.getFontMetrics().stringWidth(l.label());
      g.setColor(l.color());
      g.fillRect(right - w - 18, y - 7, 8, 8);
      g.setColor(Color.BLACK);
      g.drawString(l.label(), right - w - 6, y);
      y += 12;
    }
  }

  private static String tick(double v) {
    double a = Math.abs(v);
    if (a != 0 && (a >= 1e5 || a < 1e-3)) {
      return String.format(Locale.ROOT, "%.1e", v);
    }
    String s = String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
