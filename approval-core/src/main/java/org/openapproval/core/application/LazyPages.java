package org.openapproval.core.application;

import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.domain.VendorProtocolException;
import org.openapproval.core.port.out.Page;

/** Turns a page-at-a-time port into a stream that fetches the next page only when it is reached. */
final class LazyPages<T> implements Iterator<T> {
    private final Function<Optional<String>, Page<T>> fetch;
    private final String providerId;
    private final Set<String> seenTokens = new HashSet<>();
    private Iterator<T> current = Collections.emptyIterator();
    private Optional<String> nextToken = Optional.empty();
    private boolean started;
    private boolean exhausted;

    private LazyPages(Function<Optional<String>, Page<T>> fetch, String providerId) {
        this.fetch = fetch;
        this.providerId = providerId;
    }

    static <T> Stream<T> stream(Function<Optional<String>, Page<T>> fetch, String providerId) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new LazyPages<>(fetch, providerId),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext()) {
            if (exhausted) {
                return false;
            }
            if (started && nextToken.isPresent() && !seenTokens.add(nextToken.get())) {
                // A vendor handing out the same cursor twice would make the listing endless.
                throw new VendorProtocolException("provider returned page token '" + nextToken.get()
                        + "' a second time; stopping the listing", ErrorContext.provider(providerId), null);
            }
            Page<T> page = fetch.apply(started ? nextToken : Optional.empty());
            started = true;
            current = page.items().iterator();
            nextToken = page.nextPageToken();
            exhausted = nextToken.isEmpty();
        }
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }
}
