/**
 * MIME writing, and mail bodies rendered once and filled per recipient (stencils).
 */
@NullMarked
package dev.paperboy.delivery.mime;

import org.jspecify.annotations.NullMarked;
