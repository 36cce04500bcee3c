export { createEdition, addToEdition, removeFromEdition, orderEdition, publishEdition, listNewsroomEditions, getEditionForBuilding, EditionInput } from './editions.ts';
export { listPublishedEditions, listPublishedVolumes, getLatestPublishedEdition, getPublishedEdition } from './public.ts';
