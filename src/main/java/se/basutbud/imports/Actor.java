package se.basutbud.imports;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * Who submitted an import, as the token said when the file arrived: the job runs later, outside that request,
 * under the same rights (an administrator, or a unit editor of some care providers, within the back-dating window).
 */
record Actor(String subject, boolean administrator, Set<String> organisations, LocalDate earliestForEditors) {

    boolean mayEdit(String careProvider) {
        return administrator || organisations.contains(careProvider.toUpperCase(Locale.ROOT));
    }

    boolean mayDate(LocalDate day) {
        return administrator || !day.isBefore(earliestForEditors);
    }
}
