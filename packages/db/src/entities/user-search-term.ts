import { defineEntity, p } from '@mikro-orm/core';
import { searchTermMaxLength } from '../handles.ts';

/**
 * One term a user's name is found by (`nameSearchTerms`), written with the name, so that a search
 * is a prefix range of the primary key rather than a scan of `users`. No foreign key: deleting an
 * account deletes its terms explicitly.
 */
export const UserSearchTermSchema = defineEntity({
  name: 'UserSearchTerm',
  tableName: 'user_search_terms',
  properties: {
    term: p.string().length(searchTermMaxLength).primary(),
    userId: p.integer().primary().autoincrement(false).fieldName('user_id'),
  },
  // A user's own terms: replaced when the name changes, and asked whether an earlier one matched.
  indexes: [{ name: 'user_search_terms_user_id_term_index', properties: ['userId', 'term'] }],
});

export class UserSearchTerm extends UserSearchTermSchema.class {}
UserSearchTermSchema.setClass(UserSearchTerm);
