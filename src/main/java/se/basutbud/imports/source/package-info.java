/** Reading an imported file record by record: CSV, NDJSON, HSA's FileService XML, and zips holding one. */
package se.basutbud.imports.source;
