package org.trustml.core.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ChartGridTest {

  @Test
  void axesMapValuesLinearlyAndTicksAreRoundAndInside() {
    Axis x = new Axis(0, 10, 100, 300);
    assertThat(x.pixel(0)).isEqualTo(100);
    assertThat(x.pixel(10)).isEqualTo(300);
    assertThat(x.pixel(2.5)).isEqualTo(150);
    Axis y = new Axis(-1, 1, 200, 0); // upwards
    assertThat(y.pixel(-1)).isEqualTo(200);
    assertThat(y.pixel(0.5)).isEqualTo(50);
    assertThat(x.ticks(5)).containsExactly(0, 2, 4, 6, 8, 10);
    double[] ticks = new Axis(0.013, 0.087, 0, 100).ticks(4);
    assertThat(ticks).containsExactly(new double[] {0.02, 0.04, 0.06, 0.08}, org.assertj.core.api.Assertions.within(1e-12));
    // a single value gets a range around it, so its point lands in the middle
    Axis flat = new Axis(3, 3, 0, 100);
    assertThat(flat.pixel(3)).isEqualTo(50);
  }

  @Test
  void pointsAndBarsLandOnTheirPixelsInTheirCell() throws IOException {
    Color red = new Color(0xD55E00);
    Color blue = new Color(0x0072B2);
    Chart scatter = new Chart("scatter", "x", "y").xRange(0, 10).yRange(0, 10)
        .points(null, new double[] {2, 8}, new double[] {3, 7}, red, 3);
    Chart histogram = new Chart("bars", "v", "count").xRange(0, 4).yRange(0, 10)
        .bars(null, new double[] {0, 1, 2, 3, 4}, new double[] {10, 0, 5, 0}, blue);
    int w = 300;
    int h = 200;
    byte[] png = ChartGrid.png("two charts", Arrays.asList(scatter, histogram), 2, w, h);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(2 * w);
    assertThat(image.getHeight()).isEqualTo(ChartGrid.HEADER + h);

    Axis sx = scatter.xAxis(0, w);
    Axis sy = scatter.yAxis(ChartGrid.HEADER, h);
    assertThat(rgb(image, sx.pixel(2), sy.pixel(3))).isEqualTo(red.getRGB());
    assertThat(rgb(image, sx.pixel(8), sy.pixel(7))).isEqualTo(red.getRGB());
    assertThat(rgb(image, sx.pixel(5), sy.pixel(5))).isNotEqualTo(red.getRGB());

    // the second cell: bar 0 is full height, bar 1 is empty, bar 2 half
    Axis bx = histogram.xAxis(w, w);
    Axis by = histogram.yAxis(ChartGrid.HEADER, h);
    assertThat(rgb(image, bx.pixel(0.5), by.pixel(9))).isEqualTo(blue.getRGB());
    assertThat(rgb(image, bx.pixel(1.5), by.pixel(2))).isNotEqualTo(blue.getRGB());
    assertThat(rgb(image, bx.pixel(2.5), by.pixel(2))).isEqualTo(blue.getRGB());
    assertThat(rgb(image, bx.pixel(2.5), by.pixel(8))).isNotEqualTo(blue.getRGB());
  }

  @Test
  void refusesMismatchedSeriesAndTinyCells() {
    Chart c = new Chart("t", "x", "y");
    assertThatThrownBy(() -> c.points(null, new double[2], new double[3], Color.RED, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.bars(null, new double[2], new double[2], Color.RED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChartGrid.png("t", List.of(c), 1, 20, 20)).isInstanceOf(IllegalArgumentException.class);
  }

  private static int rgb(BufferedImage image, int x, int y) {
    return image.getRGB(x, y);
  }
}
