export { searchArticles, snippetParts, SearchQuery, SEARCH_PAGE_SIZE, type SearchHit } from './search.ts';
export { refreshReaderIndex } from './index-article.ts';
