package dev.precis.ingest.page;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Main-content extraction on small pages written for these tests, one kind of page furniture each. */
class PageExtractorTest {

    private static final List<String> STORY = List.of(
            "The town council of Brackenford voted on Tuesday to turn the disused rail yard into a public park, "
                    + "ending a dispute that had run for almost a decade.",
            "Councillors approved the plan by nine votes to two after a three-hour debate, and work on drainage, "
                    + "paths and a playground is expected to begin in the spring.",
            "Residents who had campaigned for the park, including members of the local walking club, filled the "
                    + "public gallery and applauded when the result was read out.",
            "The rail company that owns the land said it would lease the site to the council for a nominal sum, "
                    + "provided the old signal box is restored as a small museum.");

    private final PageExtractor extractor = new PageExtractor();

    private static String story() {
        StringBuilder html = new StringBuilder();
        for (String paragraph : STORY) {
            html.append("<p>").append(paragraph).append("</p>\n");
        }
        return html.toString();
    }

    /** A page around the story: the furniture goes where a template would put it. */
    private static String page(String beforeStory, String insideAfterStory, String afterArticle) {
        return "<!doctype html><html lang=\"en\"><head><title>Rail yard becomes a park | Brackenford Post</title></head>"
                + "<body><header><a href=\"/\">Brackenford Post</a></header>"
                + "<div class=\"layout\"><div class=\"story-column\">" + beforeStory
                + "<article><h1>Rail yard becomes a park</h1><div class=\"article-body\">" + story() + insideAfterStory
                + "</div></article>" + afterArticle + "</div></div></body></html>";
    }

    private String extract(String html) {
        return extractor.extract(html, "https://news.example.org/park").text();
    }

    private static void assertOnlyTheStory(String text) {
        assertThat(text).isEqualTo(String.join("\n\n", STORY));
    }

    @Test
    void aBareArticleIsKeptWhole() {
        assertOnlyTheStory(extract(page("", "", "")));
    }

    @Test
    void navigationMenusAreLeftOut() {
        String menu = "<nav><ul><li><a href=\"/news\">News</a></li><li><a href=\"/sport\">Sport</a></li>"
                + "<li><a href=\"/weather\">Weather and the long-range forecast for the whole county</a></li></ul></nav>"
                + "<div class=\"main-menu\"><a href=\"/a\">Opinion pieces from our columnists this week</a></div>";
        assertOnlyTheStory(extract(page(menu, "", "")));
    }

    @Test
    void shareBarsAreLeftOut() {
        String share = "<div class=\"share-tools\"><a href=\"#\">Share on social media</a> <span>Copy the link to this story</span></div>";
        assertOnlyTheStory(extract(page(share, share, "")));
    }

    @Test
    void relatedLinksAreLeftOut() {
        String related = "<div class=\"related-stories\"><h3>More on this</h3><ul>"
                + "<li><a href=\"/1\">Council approves budget for new library after long consultation</a></li>"
                + "<li><a href=\"/2\">Walking club marks fifty years of Sunday rambles on the moor</a></li></ul></div>";
        assertOnlyTheStory(extract(page("", related, related)));
    }

    @Test
    void readerCommentsAreLeftOut() {
        String comments = "<section id=\"comments\"><h2>Comments</h2>"
                + "<div class=\"comment\"><p>About time too, the yard has been an eyesore for years and everyone knows it.</p></div>"
                + "<div class=\"comment\"><p>I worry about parking on match days, which the council has not thought about at all.</p></div>"
                + "</section>";
        assertOnlyTheStory(extract(page("", "", comments)));
    }

    @Test
    void newsletterPromptsAreLeftOut() {
        String newsletter = "<div class=\"newsletter-signup\"><p>Get the morning briefing in your inbox every weekday, free of charge.</p>"
                + "<form><input type=\"email\"><button>Sign up</button></form></div>";
        assertOnlyTheStory(extract(page("", newsletter, "")));
    }

    @Test
    void cookieNoticesAreLeftOut() {
        String cookies = "<div id=\"cookie-consent\"><p>We use cookies to improve your experience, measure audiences and show "
                + "you relevant advertising.</p><a href=\"/privacy\">Manage settings</a></div>";
        assertOnlyTheStory(extract(page(cookies, "", "")));
    }

    @Test
    void bylinesCaptionsAndCreditsAreLeftOut() {
        String byline = "<div class=\"byline\">By Agnes Whitlow, local democracy reporter</div>"
                + "<figure><img src=\"yard.jpg\"><figcaption>The rail yard seen from the footbridge. Photo: Tom Reyes</figcaption></figure>";
        assertOnlyTheStory(extract(page(byline, "", "")));
    }

    @Test
    void advertisingSlotsAreLeftOut() {
        String ad = "<div class=\"ad-slot\"><span>Advertisement</span><div>Spring sale now on at Hollis &amp; Sons, all garden furniture half price</div></div>";
        assertOnlyTheStory(extract(page("", ad, ad)));
    }

    @Test
    void sidebarsAndFootersAreLeftOut() {
        String sidebar = "<aside><h3>Most read</h3><p>Bus timetable changes from Monday across the whole district network.</p></aside>"
                + "<footer><p>Brackenford Post, 12 Mill Street. All rights reserved. Registered in the county of Ferris.</p></footer>";
        assertOnlyTheStory(extract(page("", "", sidebar)));
    }

    @Test
    void tagListsAndBreadcrumbsAreLeftOut() {
        String tags = "<ul class=\"article-tags\"><li><a href=\"/t/parks\">Parks</a></li><li><a href=\"/t/rail\">Rail</a></li></ul>";
        String crumbs = "<div class=\"breadcrumbs\"><a href=\"/\">Home</a> › <a href=\"/local\">Local news and events</a></div>";
        assertOnlyTheStory(extract(page(crumbs, tags, "")));
    }

    @Test
    void hiddenElementsAreLeftOut() {
        String hidden = "<div style=\"display: none\">This text is only for the page's scripts and never shown to readers.</div>"
                + "<p hidden>Another hidden paragraph that a reader of the page would never see on screen.</p>";
        assertOnlyTheStory(extract(page("", hidden, "")));
    }

    @Test
    void anArticleSplitAroundEmbedsIsJoinedAgain() {
        StringBuilder html = new StringBuilder("<html><body><nav><a href=\"/\">Home</a></nav><section class=\"story\">");
        for (String paragraph : STORY) {
            html.append("<div class=\"story-chunk\"><div class=\"inner\"><p>").append(paragraph)
                    .append("</p></div></div><div class=\"embed\"><a href=\"/video\">Watch</a></div>");
        }
        html.append("</section><div class=\"teasers\"><div class=\"teaser\"><a href=\"/x\">Other news</a></div></div></body></html>");
        assertOnlyTheStory(extract(html.toString()));
    }

    @Test
    void aStandfirstBesideTheBodyIsKept() {
        String standfirst = "The council ended a ten-year dispute over the site with a clear vote.";
        String html = "<html><body><div class=\"wrap\"><p class=\"standfirst\">" + standfirst + "</p><div class=\"body\">" + story()
                + "</div><div class=\"promo\"><a href=\"/s\">Subscribe today and save</a></div></div></body></html>";
        assertThat(extract(html)).isEqualTo(standfirst + "\n\n" + String.join("\n\n", STORY));
    }

    @Test
    void aFragmentWithoutAPageAroundItIsKeptWhole() {
        String fragment = "<h2>Background</h2>" + story() + "<ul><li>Nine votes for</li><li>Two votes against</li></ul>";
        String text = extract(fragment);
        assertThat(text).startsWith("Background").contains(STORY.get(0)).contains(STORY.get(3));
    }

    @Test
    void aPageOfShortLinesFallsBackToAllOfItsText() {
        ExtractedPage page = extractor.extract("<div><span>Tide</span> <b>low</b></div><div>Wind: calm</div>", null);
        assertThat(page.method()).isEqualTo(ExtractedPage.Method.WHOLE_PAGE);
        assertThat(page.text()).isEqualTo("Tide low\n\nWind: calm");
    }

    @Test
    void structuredDataStandsInWhenTheMarkupHoldsLittleOfTheArticle() {
        String body = String.join("\\n", STORY);
        String html = "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                + "\"@type\":\"NewsArticle\",\"headline\":\"Rail yard becomes a park\",\"articleBody\":\"" + body + "\"}"
                + "</script></head><body><div id=\"app\"><p>Loading the story, please wait a moment while it arrives.</p></div></body></html>";
        ExtractedPage page = extractor.extract(html, null);
        assertThat(page.method()).isEqualTo(ExtractedPage.Method.STRUCTURED_DATA);
        assertOnlyTheStory(page.text());
    }

    @Test
    void theHeadlineGoesToTheTitleAndSubheadingsStay() {
        String html = "<html><body><article><h1>Rail yard becomes a park</h1>" + story() + "<h2>Vote result</h2>"
                + "<p>Nine councillors voted for the plan and two against it, after a debate of three hours.</p></article></body></html>";
        ExtractedPage page = extractor.extract(html, null);
        assertThat(page.metadata().title()).isEqualTo("Rail yard becomes a park");
        assertThat(page.text()).doesNotContain("Rail yard becomes a park").contains("Vote result\n\nNine councillors");
    }
}
