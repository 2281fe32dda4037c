/** The basutbud service: its settings and clock at the root, one package per feature, shared code in named rooms. */
package se.basutbud;
