package org.trustml.core.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/** Charts laid out row by row in a grid of equal cells under a title, as one PNG. */
public final class ChartGrid {

  static final int HEADER = 30;

  private ChartGrid() {}

  /**
   * @param charts  row-major; a null entry leaves its cell empty
   * @param columns cells per row
   */
  public static byte[] png(String title, List<Chart> charts, int columns, int cellWidth, int cellHeight) {
    BufferedImage image = render(title, charts, columns, cellWidth, cellHeight);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static BufferedImage render(String title, List<Chart> charts, int columns, int cellWidth, int cellHeight) {
    if (columns < 1 || cellWidth < Chart.LEFT + Chart.RIGHT + 10 || cellHeight < Chart.TOP + Chart.BOTTOM + 10) {
      throw new IllegalArgumentException("a grid needs ≥ 1 column and cells of at least "
          + (Chart.LEFT + Chart.RIGHT + 10) + " x " + (Chart.TOP + Chart.BOTTOM + 10) + " pixels");
    }
    int rows = Math.max(1, (charts.size() + columns - 1) / columns);
    BufferedImage image = new BufferedImage(columns * cellWidth, HEADER + rows * cellHeight,
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
      g.drawString(title, 10, 20);
      for (int i = 0; i < charts.size(); i++) {
        if (charts.get(i) != null) {
          charts.get(i).draw(g, (i % columns) * cellWidth, HEADER + (i / columns) * cellHeight, cellWidth,
              cellHeight);
        }
      }
    } finally {
      g.dispose();
    }
    return image;
  }
}
