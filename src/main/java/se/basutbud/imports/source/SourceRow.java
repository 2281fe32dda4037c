package se.basutbud.imports.source;

import java.util.Map;

/**
 * One record of an imported file as text, before any rule is applied: the line it starts on (for the errors
 * people read) and its values by the file's own column or element names. A column that is absent from the file
 * is absent here; one that is present and empty holds "".
 */
public record SourceRow(int line, Map<String, String> values) {}
