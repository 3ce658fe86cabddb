/*
 * opencc_dict.h: the entries of one of OpenCC's dictionaries (an .ocd2 file
 * such as STCharacters.ocd2), read through libopencc's C++ interface, which
 * alone gives every candidate of an entry (its C interface only converts
 * text, keeping the first). The one C++ file of the program; no I/O but the
 * dictionary's.
 */
#ifndef COURTREAD_OPENCC_DICT_H
#define COURTREAD_OPENCC_DICT_H

#ifdef __cplusplus
extern "C" {
#endif

/* Call each(ctx, key, value) for every value of every entry of the
 * dictionary at path (NUL-terminated UTF-8 strings, valid during the call);
 * -1 when it cannot be read. */
int opencc_dict_each(const char *path, void (*each)(void *ctx, const char *key, const char *value),
                     void *ctx);

#ifdef __cplusplus
}
#endif

#endif
