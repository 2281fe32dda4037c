/** Feature: the fictitious region loaded in dev mode. */
package se.basutbud.sample;
