package dev.paperboy.papers;

import java.util.List;

/**
 * One page of search results.
 *
 * @param papers the papers on this page, best match or newest first
 * @param page the page number from 0
 * @param limit the page size
 * @param total how many papers match in all
 */
public record PaperPage(List<Paper> papers, int page, int limit, long total) {

}
