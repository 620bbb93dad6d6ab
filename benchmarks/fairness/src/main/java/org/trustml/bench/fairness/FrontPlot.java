package org.trustml.bench.fairness;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A scatter plot of balanced error against the worst intersectional EO gap, drawn with Java2D (no plotting library
 * on the JVM side): candidate clouds as small dots, fronts as lines, single models as labelled markers.
 */
public final class FrontPlot {

  private static final int WIDTH = 1250;
  private static final int HEIGHT = 720;
  private static final int LEFT = 80;
  private static final int RIGHT = 420;
  private static final int TOP = 50;
  private static final int BOTTOM = 70;
  private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
      new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf),
      new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x000000)};

  private record Series(String label, double[][] points, boolean line, boolean small) {}

  private final String title;
  private final List<Series> series = new ArrayList<>();

  public FrontPlot(String title) {
    this.title = title;
  }

  /** Many small dots (e.g. every θ of an ensemble). */
  public FrontPlot cloud(String label, double[][] points) {
    series.add(new Series(label, points, false, true));
    return this;
  }

  /** Points joined in order of the first objective (a front). */
  public FrontPlot front(String label, double[][] points) {
    series.add(new Series(label, points, true, false));
    return this;
  }

  /** One or a few large markers. */
  public FrontPlot points(String label, double[][] points) {
    series.add(new Series(label, points, false, false));
    return this;
  }

  public void write(Path png) throws IOException {
    double maxX = 0.05;
    double maxY = 0.05;
    double minX = 1;
    for (Series s : series) {
      for (double[] p : s.points()) {
        maxX = Math.max(maxX, p[0]);
        maxY = Math.max(maxY, p[1]);
        minX = Math.min(minX, p[0]);
      }
    }
    double x0 = Math.max(0, Math.floor(minX * 20) / 20 - 0.025);
    double x1 = Math.ceil(maxX * 20) / 20;
    double y1 = Math.ceil(maxY * 10) / 10;
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    Axis ax = new Axis(x0, x1, 0, y1, plotW, plotH);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (int i = 0; i <= 10; i++) {
      double xv = x0 + (x1 - x0) * i / 10;
      double yv = y1 * i / 10;
      g.setColor(new Color(0xeeeeee));
      g.drawLine(ax.px(xv), TOP, ax.px(xv), TOP + plotH);
      g.drawLine(LEFT, ax.py(yv), LEFT + plotW, ax.py(yv));
      g.setColor(Color.DARK_GRAY);
      g.drawString(String.format("%.3f", xv), ax.px(xv) - 15, TOP + plotH + 18);
      g.drawString(String.format("%.2f", yv), LEFT - 40, ax.py(yv) + 4);
    }
    g.setColor(Color.BLACK);
    g.drawRect(LEFT, TOP, plotW, plotH);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    g.drawString(title, LEFT, TOP - 18);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    g.drawString("balanced error (1 - balanced accuracy), test set", LEFT + plotW / 2 - 150, HEIGHT - 22);
    AffineTransform saved = g.getTransform();
    g.rotate(-Math.PI / 2);
    g.drawString("worst intersectional EO gap (eo:cells), test set", -(TOP + plotH / 2 + 150), 22);
    g.setTransform(saved);
    int legendY = TOP + 10;
    for (int s = 0; s < series.size(); s++) {
      Series one = series.get(s);
      Color c = PALETTE[s % PALETTE.length];
      g.setColor(one.small() ? new Color(c.getRed(), c.getGreen(), c.getBlue(), 90) : c);
      if (one.line()) {
        g.setStroke(new BasicStroke(2f));
        for (int i = 1; i < one.points().length; i++) {
          g.drawLine(ax.px(one.points()[i - 1][0]), ax.py(one.points()[i - 1][1]), ax.px(one.points()[i][0]),
              ax.py(one.points()[i][1]));
        }
      }
      int r = one.small() ? 2 : one.line() ? 3 : 5;
      for (double[] p : one.points()) {
        g.fillOval(ax.px(p[0]) - r, ax.py(p[1]) - r, 2 * r, 2 * r);
      }
      g.setColor(c);
      g.fillOval(LEFT + plotW + 15, legendY - 5, 10, 10);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      g.drawString(one.label(), LEFT + plotW + 30, legendY + 4);
      legendY += 20;
    }
    g.dispose();
    ImageIO.write(image, "png", png.toFile());
  }

  private record Axis(double x0, double x1, double y0, double y1, int w, int h) {
    int px(double x) {
      return LEFT + (int) Math.round((x - x0) / (x1 - x0) * w);
    }

    int py(double y) {
      return TOP + h - (int) Math.round((y - y0) / (y1 - y0) * h);
    }
  }
}
