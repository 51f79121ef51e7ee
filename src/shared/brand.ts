declare const brand: unique symbol;

/** A value that went through the named parser; only parsers create one. */
export type Brand<T, Name extends string> = T & { readonly [brand]: Name };
