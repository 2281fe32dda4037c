/** Feature: how well units comply with a revision, per unit, group, service and over time. */
package se.basutbud.compliance;
