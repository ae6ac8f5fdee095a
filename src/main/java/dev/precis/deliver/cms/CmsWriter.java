package dev.precis.deliver.cms;

import dev.precis.api.Brief;
import dev.precis.api.ProblemException;
import dev.precis.api.ProblemType;
import dev.precis.deliver.Delivery;
import dev.precis.deliver.DeliveryContext;
import dev.precis.deliver.DeliveryResult;

import java.util.List;

/**
 * The shape every CMS write-back shares: read the item as the CMS has it now (a delivery can be stale or
 * replayed), work out the fields that differ, write only those, and report written, unchanged or failed.
 * Because analysis is deterministic, a redelivery, or the update webhook precis's own write causes,
 * finds nothing to change and writes nothing.
 */
abstract class CmsWriter implements Delivery {

    protected final WriteBack writeBack;
    private final RecentWrites recent;

    /** @param recent shared by every writer in the container: the update webhook of a write may reach any of them */
    CmsWriter(WriteBack writeBack, RecentWrites recent) {
        this.writeBack = writeBack;
        this.recent = recent;
    }

    @Override
    public final DeliveryResult deliver(Brief brief, DeliveryContext context) {
        if (context.itemId() == null) {
            return new DeliveryResult(target(), DeliveryResult.FAILED, "the delivery names no item to write to");
        }
        if (recent.contains(target(), context.itemId(), brief.contentHash())) {
            return new DeliveryResult(target(), DeliveryResult.UNCHANGED, "this brief was written moments ago");
        }
        try {
            List<String> written = writeReadingAgainOnConflict(brief, context);
            if (written.isEmpty()) {
                return new DeliveryResult(target(), DeliveryResult.UNCHANGED, "nothing differed");
            }
            recent.add(target(), context.itemId(), brief.contentHash());
            return new DeliveryResult(target(), DeliveryResult.WRITTEN, String.join(", ", written));
        } catch (ProblemException e) {
            return new DeliveryResult(target(), DeliveryResult.FAILED, e.problem().detail());
        } catch (RuntimeException e) {
            return new DeliveryResult(target(), DeliveryResult.FAILED, "the " + target() + " answer could not be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * A CMS that locks optimistically (Ghost's {@code updated_at}, Contentful's version) refuses a write when the
     * item changed since it was read, as when an editor saves at the same moment: read it again and try once more.
     */
    private List<String> writeReadingAgainOnConflict(Brief brief, DeliveryContext context) {
        try {
            return write(brief, context);
        } catch (Conflict conflict) {
            try {
                return write(brief, context);
            } catch (Conflict again) {
                throw new ProblemException(ProblemType.FETCH_FAILED.problem(
                        target() + " refused the update twice: the item kept changing."));
            }
        }
    }

    /** Thrown by {@link #write} when the CMS refused the write because the item changed since it was read. */
    protected static final class Conflict extends RuntimeException {
        Conflict() {
            super(null, null, false, false);
        }
    }

    /** Writes what differs and returns the names of the fields written (none when nothing differed). */
    protected abstract List<String> write(Brief brief, DeliveryContext context);
}
