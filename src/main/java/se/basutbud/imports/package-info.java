/** Files brought in: care units from HSA or a spreadsheet, offerings and exemptions, as background jobs. */
package se.basutbud.imports;
