/** The set-based reads of care units on a date: the one home of the date rules and of the cached e-service catalogue. */
package se.basutbud.unitsondate;
