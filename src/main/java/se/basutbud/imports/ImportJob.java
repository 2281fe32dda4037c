package se.basutbud.imports;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "import_job")
class ImportJob extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ImportKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ImportMode mode;

    @Column(name = "dry_run", nullable = false, updatable = false)
    public boolean dryRun;

    @Column(name = "care_provider", updatable = false)
    public String careProvider;

    @Column(name = "allow_mass_close", nullable = false, updatable = false)
    public boolean allowMassClose;

    @Column(name = "media_type", nullable = false, updatable = false)
    public String mediaType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ImportStatus status;

    @Column(name = "submitted_by", nullable = false, updatable = false)
    public String submittedBy;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    public Instant submittedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "heartbeat_at", nullable = false)
    public Instant heartbeatAt;

    @Column(name = "import_date", nullable = false, updatable = false)
    public LocalDate importDate;

    @Column(name = "rows_read", nullable = false)
    public int rowsRead;

    @Column(name = "rows_total")
    public Integer rowsTotal;

    @JdbcTypeCode(SqlTypes.JSON)
    public String summary;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String errors = "[]";

    @Column(name = "error_count", nullable = false)
    public int errorCount;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "ignored_columns", nullable = false)
    public String ignoredColumns = "[]";
}
