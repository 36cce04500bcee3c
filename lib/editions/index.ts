export { createEdition, addToEdition, removeFromEdition, orderEdition, publishEdition, listNewsroomEditions, getEditionForBuilding, EditionInput } from './editions.ts';
export { listPublishedEditions, getPublishedEdition } from './public.ts';
