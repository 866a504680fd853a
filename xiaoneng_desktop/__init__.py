"""机关效能管理系统 — a desktop register of duty calls, documents, visitors and self-inspection."""

__version__ = "0.1.0"
APP_NAME = "机关效能管理系统"
