"""Quarterly sick-leave statistics per enterprise."""
