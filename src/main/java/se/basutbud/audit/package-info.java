/** Feature: who changed what, when, from what to what; written in the transaction of every write. */
package se.basutbud.audit;
