/**
 * Small charts rendered to PNG with Java2D in headless mode (no plotting library on the JVM side), for job
 * artifacts that a person looks at: {@link org.trustml.core.plot.Chart} (scatter, lines, steps, bars on linear axes)
 * and {@link org.trustml.core.plot.ChartGrid} (charts in a grid, one PNG).
 */
package org.trustml.core.plot;
