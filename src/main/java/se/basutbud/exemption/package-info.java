/** Feature: base services taken off one unit's requirements, with a reason. */
package se.basutbud.exemption;
