package se.basutbud.unitsondate;

import java.time.LocalDate;

/**
 * A unit's {@link CardUnit} on a date without its services: whether it is open, the days, and {@code
 * inputsHash}, the hash of everything its card is made from on the date (its fields, the revision in force,
 * the services it offers) and of the card's format. Two equal hashes mean the same card; a card stored with
 * the hash it was made from is still right when the hash is unchanged, without being made again.
 */
public record CardInputs(String hsaId, boolean open, LocalDate validFrom, LocalDate validUntil, String inputsHash) {}
