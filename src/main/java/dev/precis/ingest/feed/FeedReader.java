package dev.precis.ingest.feed;

import java.util.List;

/** Lists the entries of one kind of source; the sweep decides which are due. */
public interface FeedReader {

    /**
     * @param window the sweep's window, for sources that can be asked for a time range (CMS APIs); feeds
     *               list what they list and the sweep filters
     * @throws dev.precis.api.ProblemException when the source cannot be read
     */
    List<FeedItem> read(FeedSource source, Window window);
}
