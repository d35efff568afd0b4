package org.smarttown.care.reading;

import java.util.List;

import io.smallrye.mutiny.Uni;

/** Looks at newly stored readings inside the storing transaction (detection implements it). */
public interface ReadingListener {

    /** @return what to do once the transaction has committed */
    Uni<Runnable> onStored(List<StoredReading> readings);
}
