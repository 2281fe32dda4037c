/** Feature: which e-services a unit offers, as periods that never overlap. */
package se.basutbud.offering;
