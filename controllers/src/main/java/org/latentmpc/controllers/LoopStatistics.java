package org.latentmpc.controllers;

/**
 * Period statistics of a {@link ControlLoop}: the jitter is {@code |period - nominal period|}, in
 * microseconds (resolution 1 us).
 *
 * @param cycles cycles measured
 * @param nominalPeriodUs the configured period (us)
 * @param meanPeriodUs mean measured period (us)
 * @param jitterP50Us median jitter (us)
 * @param jitterP99Us 99th percentile jitter (us)
 * @param jitterP999Us 99.9th percentile jitter (us)
 * @param jitterMaxUs largest jitter (us)
 * @param overruns cycles that started more than one period late
 */
public record LoopStatistics(
    long cycles,
    double nominalPeriodUs,
    double meanPeriodUs,
    double jitterP50Us,
    double jitterP99Us,
    double jitterP999Us,
    double jitterMaxUs,
    long overruns) {

  @Override
  public String toString() {
    return String.format(
        "cycles=%d period nominal=%.1fus mean=%.2fus jitter p50=%.0fus p99=%.0fus p99.9=%.0fus"
            + " max=%.0fus overruns=%d",
        cycles,
        nominalPeriodUs,
        meanPeriodUs,
        jitterP50Us,
        jitterP99Us,
        jitterP999Us,
        jitterMaxUs,
        overruns);
  }
}
