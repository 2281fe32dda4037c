package se.basutbud.imports;

import jakarta.enterprise.context.ApplicationScoped;

import se.basutbud.security.Caller;
import se.basutbud.web.problem.ApiException;

/** Who sees which jobs: an administrator every job, a unit editor the ones it submitted. */
@ApplicationScoped
class ImportAccess {

    private final Caller caller;

    ImportAccess(Caller caller) {
        this.caller = caller;
    }

    /** The job if the caller may see it; else a 404, as if it did not exist. */
    ImportDtos.Job visible(ImportDtos.Job job) {
        if (!caller.isAdministrator() && !job.submittedBy().equals(caller.subject())) {
            throw ApiException.notFound("No import with id " + job.id());
        }
        return job;
    }

    /** The submitter whose jobs the caller may list; null for all. */
    String submitterFilter() {
        return caller.isAdministrator() ? null : caller.subject();
    }
}
