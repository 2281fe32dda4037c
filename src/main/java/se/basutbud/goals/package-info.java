/**
 * Feature: goals with dates that management follows up (a share of units offering an e-service, of residents
 * reached by it, of units fully compliant, or the average score, over a scope of units), with each goal's
 * progress computed from history on every read: monthly values, a least-squares projection to the deadline
 * and a status.
 */
package se.basutbud.goals;
