/** Feature: care units by HSA-id, with their types, organisation and the dates they are open. */
package se.basutbud.careunit;
