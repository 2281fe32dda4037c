/**
 * Feature: coverage of one e-service per group of units, by units and by the residents listed at them, so that
 * the thin places show (equality between residents).
 */
package se.basutbud.coverage;
