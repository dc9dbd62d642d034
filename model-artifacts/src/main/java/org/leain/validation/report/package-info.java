/**
 * The validation report: summary.json with the headline numbers, report.md stating each of the
 * proposal's criteria as met or not, and PNG plots drawn with XChart: the expected-coverage and
 * TARP curves with the diagonal ({@link org.leain.validation.report.CalibrationChart}), SBC rank
 * histograms ({@link org.leain.validation.report.SbcChart}), and corner plots overlaying MCMC and
 * network draws of one event ({@link org.leain.validation.report.CornerPlot}). Plots render
 * headless (no display needed).
 */
package org.leain.validation.report;
