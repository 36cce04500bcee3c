export { searchArticles, snippetParts, SearchQuery, SEARCH_PAGE_SIZE, type SearchHit } from './search.ts';
export { refreshSearchVector } from './index-article.ts';
