/** Feature: the basutbud revisions, drafts and published, and their requirements limited to unit types. */
package se.basutbud.baseline;
